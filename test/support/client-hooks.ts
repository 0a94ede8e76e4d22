import type { ChangedBatch, ChangedOptions, SuiteCrmClient } from '../../bridge/src/suitecrm/index.js';

/**
 * Something happening in the middle of a pass, at a chosen point of the V8 client's work: a
 * person's edit, a token revoked, the store cut off. Each hook returns a function that puts the
 * client back as it was.
 */
type Hookable = SuiteCrmClient & {
  updateRecord: SuiteCrmClient['updateRecord'];
  readChanged: SuiteCrmClient['readChanged'];
};

/** Runs `fn` just before the client sends each PATCH, with its number (from 1), module and id. */
export function beforeEachPatch(
  client: SuiteCrmClient,
  fn: (n: number, module: string, id: string) => void,
): () => void {
  const hooked = client as Hookable;
  const saved = hooked.updateRecord;
  const original = saved.bind(client);
  let count = 0;
  hooked.updateRecord = (module, id, attributes, options) => {
    count++;
    fn(count, module, id);
    return original(module, id, attributes, options);
  };
  return () => {
    hooked.updateRecord = saved;
  };
}

/**
 * Runs `fn` after the engine has taken each batch of changed records the client read (when it
 * asks for the next one), with the module and the batch's number in that module (from 1).
 */
export function afterEachBatch(client: SuiteCrmClient, fn: (module: string, n: number) => void): () => void {
  const hooked = client as Hookable;
  const saved = hooked.readChanged;
  const original = saved.bind(client);
  const batches = new Map<string, number>();
  hooked.readChanged = async function* <T>(
    module: string,
    options: ChangedOptions<T>,
  ): AsyncGenerator<ChangedBatch<T>> {
    for await (const batch of original(module, options)) {
      yield batch;
      const n = (batches.get(module) ?? 0) + 1;
      batches.set(module, n);
      fn(module, n);
    }
  };
  return () => {
    hooked.readChanged = saved;
  };
}
