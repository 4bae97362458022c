/**
 * The GraphQL-over-HTTP audit of the graphql-http package (`serverAudits`), over real HTTP. Development: no
 * audit fails (the warnings left are its SHOULDs for status 200 on parse, validation and variable errors with
 * `application/json`, where Apollo Server answers 400, as the README's error table says). Production: every MUST
 * passes except those whose request uses introspection (`__type`), which production turns off; each of those is
 * checked to have failed for exactly that reason.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { serveHttp } from './support/http';

interface Outcome {
  id: string;
  name: string;
  status: AuditResult['status'];
  body: string;
}

async function audit(production: boolean): Promise<Outcome[]> {
  const running = await serveHttp({ production });
  try {
    const outcomes: Outcome[] = [];
    for (const { id, name, fn } of serverAudits({ url: running.url, fetchFn: fetch })) {
      const result = await fn();
      const body = result.status === 'ok' ? '' : await result.response.text();
      outcomes.push({ id, name, status: result.status, body });
    }
    return outcomes;
  } finally {
    await running.stop();
  }
}

test('development: no audit fails', async () => {
  const outcomes = await audit(false);
  expect(outcomes.length).toBeGreaterThan(40);
  expect(outcomes.filter((o) => o.status === 'error').map((o) => `${o.id} ${o.name}`)).toEqual([]);
  // What is left are SHOULDs about status codes, none of them a MUST.
  for (const o of outcomes.filter((x) => x.status === 'warn')) expect(o.name).toMatch(/^SHOULD use (a )?(200 )?status code/);
});

test('production: every MUST passes unless it needs introspection, which is off', async () => {
  const outcomes = await audit(true);
  const musts = outcomes.filter((o) => o.name.startsWith('MUST'));
  expect(musts.length).toBeGreaterThan(10);
  const failed = musts.filter((o) => o.status !== 'ok');
  for (const o of failed) {
    const answer = JSON.parse(o.body) as { errors: { extensions: { validationErrorCode?: string } }[] };
    expect({ audit: `${o.id} ${o.name}`, reason: answer.errors[0]?.extensions.validationErrorCode }).toEqual({ audit: `${o.id} ${o.name}`, reason: 'INTROSPECTION_DISABLED' });
  }
  // At most the two MUSTs graphql-http writes with `__type` (BF61 utf-8, 28B9 variables map).
  expect(failed.length).toBeLessThanOrEqual(2);
});
