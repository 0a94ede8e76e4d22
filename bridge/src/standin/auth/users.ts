/**
 * SuiteCRM users the stand-in knows: the API user a token acts as, the names relate fields
 * show (assigned_user_name...), and each user's time zone, which changes how datetimes come
 * back (fixtures items 17-18). Defaults: the capture lab's admin and SuiteCRM's demo users.
 */
export interface StandInUser {
  id: string;
  userName: string;
  password: string;
  firstName: string;
  lastName: string;
  /** IANA zone from the user's preferences; UTC for the admin, as the bridge's user must be. */
  timezone: string;
  /** PHP date format of the user's preferences (`m/d/Y` when unset, as the capture lab's users). */
  dateFormat?: string;
  /** PHP time format of the user's preferences (`H:i` when unset). */
  timeFormat?: string;
  isAdmin: boolean;
}

export function fullName(user: StandInUser): string {
  return [user.firstName, user.lastName].filter((part) => part !== '').join(' ');
}

function demo(
  id: string,
  userName: string,
  firstName: string,
  lastName: string,
  timezone = 'UTC',
): StandInUser {
  return {
    id,
    userName,
    password: `${userName}-lab-password`,
    firstName,
    lastName,
    timezone,
    isAdmin: false,
  };
}

export const DEFAULT_USERS: readonly StandInUser[] = [
  {
    id: '1',
    userName: 'admin',
    password: 'Admin123!lab',
    firstName: '',
    lastName: 'Administrator',
    timezone: 'UTC',
    isAdmin: true,
  },
  demo('seed_sally_id', 'sally', 'Sally', 'Bronsen'),
  demo('seed_max_id', 'max', 'Max', 'Jensen'),
  demo('seed_chris_id', 'chris', 'Chris', 'Olliver'),
  demo('seed_will_id', 'will', 'Will', 'Westin', 'America/New_York'),
  demo('seed_jim_id', 'jim', 'Jim', 'Brennan'),
  demo('seed_sarah_id', 'sarah', 'Sarah', 'Smith'),
];

/** An OAuth2 client (Admin → OAuth2 Clients and Tokens). One grant type per client. */
export interface OAuthClient {
  id: string;
  secret: string;
  grantType: 'client_credentials' | 'password';
  /** client_credentials: the user its tokens act as; null reproduces capture 13/15. */
  assignedUserId?: string | null;
}

export const DEFAULT_CLIENTS: readonly OAuthClient[] = [
  {
    id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
    secret: 'lab-cc-secret-0001',
    grantType: 'client_credentials',
    assignedUserId: '1',
  },
  { id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000002', secret: 'lab-pw-secret-0001', grantType: 'password' },
];

/** The client_credentials client above, as the bridge's settings name it (demo, benchmarks, tests). */
export const LAB_CLIENT = (() => {
  const client = DEFAULT_CLIENTS.find((candidate) => candidate.grantType === 'client_credentials');
  if (!client) throw new Error('the stand-in has no client_credentials client');
  return { clientId: client.id, clientSecret: client.secret };
})();
