import { describe, expect, it } from 'vitest';
import { loadAllCaptures, loadCapture } from '../support/capture-file.js';

describe('capture files', () => {
  it('reads all 122 captures with a method, a path and a status', () => {
    const captures = loadAllCaptures();
    expect(captures).toHaveLength(122);
    for (const capture of captures) {
      expect(capture.request.method).toMatch(/^(GET|POST|PATCH|DELETE|OPTIONS|PUT)$/);
      expect(capture.request.path.startsWith('/Api/')).toBe(true);
      expect(capture.response.status).toBeGreaterThanOrEqual(200);
    }
  });
  it('keeps bodies byte for byte, including trailing non-JSON text', () => {
    const capture = loadCapture('53-error-filter-nondb-field');
    expect(capture.response.status).toBe(400);
    expect(
      capture.response.body.endsWith('}Database failure. Please refer to suitecrm.log for details.'),
    ).toBe(true);
    const token = loadCapture('03-token-client_credentials-form');
    expect(token.request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token.request.body).toContain('grant_type=client_credentials');
  });
});

describe('capture bodies agree with their Content-Length', () => {
  it('for every capture that has one', () => {
    let checked = 0;
    for (const capture of loadAllCaptures()) {
      const length = capture.response.headers['content-length'];
      if (length === undefined) continue;
      expect(Buffer.byteLength(capture.response.body), capture.name).toBe(Number(length));
      checked++;
    }
    expect(checked).toBeGreaterThan(90);
  });
});
