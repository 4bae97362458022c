/** Settings from the environment: defaults, and one clear line naming the variable for each bad numeric setting. */
import { ConfigError, readConfig } from '../src/config';

test('unset or empty settings take their defaults', () => {
  for (const env of [{}, { PORT: '', MAX_BODY_BYTES: ' ', RESPONSE_CACHE_MB: '', SUGGESTIONS_PER_MINUTE: '' }]) {
    const config = readConfig(env);
    expect([config.port, config.maxBodyBytes, config.responseCacheBytes, config.responseCacheMinUses, config.suggestionsPerMinute, config.fastPath, config.entityCacheBytes]).toEqual([
      4000, 100_000, 64 * 1024 * 1024, 2, 20, true, 32 * 1024 * 1024,
    ]);
  }
});

test('numeric settings in range are read', () => {
  const config = readConfig({ PORT: '0', MAX_BODY_BYTES: '2048', RESPONSE_CACHE_MB: '0', RESPONSE_CACHE_MIN_USES: '1', SUGGESTIONS_PER_MINUTE: '5', FAST_PATH: '0', ENTITY_CACHE_MB: '0' });
  expect([config.port, config.maxBodyBytes, config.responseCacheBytes, config.responseCacheMinUses, config.suggestionsPerMinute, config.fastPath, config.entityCacheBytes]).toEqual([0, 2048, 0, 1, 5, false, 0]);
  expect(readConfig({ ENTITY_CACHE_MB: '8' }).entityCacheBytes).toBe(8 * 1024 * 1024);
});

test.each([
  ['MAX_BODY_BYTES', 'abc', 'MAX_BODY_BYTES must be a whole number 1 or more, got "abc"'],
  ['MAX_BODY_BYTES', '0', 'MAX_BODY_BYTES must be a whole number 1 or more, got "0"'],
  ['MAX_BODY_BYTES', '1e5', 'MAX_BODY_BYTES must be a whole number 1 or more, got "1e5"'],
  ['PORT', '70000', 'PORT must be a whole number from 0 to 65535, got "70000"'],
  ['PORT', '80.5', 'PORT must be a whole number from 0 to 65535, got "80.5"'],
  ['RESPONSE_CACHE_MB', '-1', 'RESPONSE_CACHE_MB must be a whole number from 0 to 1048576, got "-1"'],
  ['RESPONSE_CACHE_MIN_USES', '0', 'RESPONSE_CACHE_MIN_USES must be a whole number from 1 to 1000, got "0"'],
  ['SUGGESTIONS_PER_MINUTE', 'lots', 'SUGGESTIONS_PER_MINUTE must be a whole number 1 or more, got "lots"'],
  ['FAST_PATH', 'off', 'FAST_PATH must be a whole number from 0 to 1, got "off"'],
  ['ENTITY_CACHE_MB', '-1', 'ENTITY_CACHE_MB must be a whole number from 0 to 1048576, got "-1"'],
])('%s=%s stops startup naming the variable', (name, value, message) => {
  expect(() => readConfig({ [name]: value })).toThrow(new ConfigError(message));
});

test('EXPLORER: GraphiQL in development and off in production by default; a mode by name; anything else stops startup', () => {
  expect(readConfig({}).explorer).toBe('graphiql');
  expect(readConfig({ NODE_ENV: 'production' }).explorer).toBe('off');
  expect(readConfig({ NODE_ENV: 'production', EXPLORER: 'graphiql' }).explorer).toBe('graphiql');
  expect(readConfig({ EXPLORER: ' Sandbox ' }).explorer).toBe('sandbox');
  expect(readConfig({ EXPLORER: 'off' }).explorer).toBe('off');
  expect(() => readConfig({ EXPLORER: 'altair' })).toThrow(new ConfigError('EXPLORER must be one of graphiql, sandbox, off, got "altair"'));
});
