import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareTimestamps, identifierSeparator, isBase64, isDictionaryKey, isHexString, isLanguageTag, isMac48,
  isPropertyName, isTypeName, timestampFraction,
} from '../../src/stix/validate/lexical.ts';

test('timestamps: accepted forms and their fraction digits', () => {
  const rows: [string, number][] = [
    ['2016-01-20T12:31:12Z', 0], ['2016-01-20T12:31:12.1Z', 1], ['2016-01-20T12:31:12.123Z', 3],
    ['2016-01-20T12:31:12.123456789Z', 9], ['2016-02-29T00:00:00Z', 0], ['2016-12-31T23:59:60Z', 0],
  ];
  for (const [ts, digits] of rows) assert.equal(timestampFraction(ts), digits, ts);
});

test('timestamps: rejected forms', () => {
  for (const ts of ['2016-01-20 12:31:12Z', '2016-01-20T12:31:12', '2016-01-20T12:31:12+00:00', '2016-01-20T12:31:12.Z',
    '2015-02-29T00:00:00Z', '2016-13-01T00:00:00Z', '2016-01-20T24:00:00Z', '2016-01-20t12:31:12z', '16-01-20T12:31:12Z',
    '2016-01-20T12:31:12.12aZ', '']) {
    assert.equal(timestampFraction(ts), -1, ts);
  }
});

test('timestamps compare by instant whatever their precision', () => {
  assert.equal(compareTimestamps('2016-01-20T12:31:12Z', '2016-01-20T12:31:12.000Z'), 0);
  assert.ok(compareTimestamps('2016-01-20T12:31:12.1Z', '2016-01-20T12:31:12.099999Z') > 0);
  assert.ok(compareTimestamps('2015-12-31T23:59:59.999Z', '2016-01-01T00:00:00Z') < 0);
});

test('identifiers: type--UUID with an RFC 4122 UUID', () => {
  assert.equal(identifierSeparator('indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836'), 9);
  assert.equal(identifierSeparator('x-mitre-tactic--e2e1a340-4415-4ba8-9671-f7343fbf0836'), 14);
  for (const id of ['indicator-e2e1a340-4415-4ba8-9671-f7343fbf0836', 'indicator--e2e1a340-4415-4ba8-9671-f7343fbf083',
    'Indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836', 'indicator--e2e1a340-4415-4ba8-c671-f7343fbf0836',
    'indicator--e2e1a340-4415-0ba8-9671-f7343fbf0836', 'indicator--e2e1a340x4415-4ba8-9671-f7343fbf0836',
    '--e2e1a340-4415-4ba8-9671-f7343fbf0836', 'indicator--e2e1a340-4415-4ba8-9671-f7343fbf083\u00e9']) {
    assert.equal(identifierSeparator(id), -1, id);
  }
});

test('names: property, type and dictionary-key rules', () => {
  assert.ok(isPropertyName('x_mitre_version'));
  assert.ok(!isPropertyName('x-mitre'));
  assert.ok(!isPropertyName('_xy'));
  assert.ok(!isPropertyName('ab'));
  assert.ok(!isPropertyName('a'.repeat(251)));
  assert.ok(isTypeName('x-mitre-tactic'));
  assert.ok(!isTypeName('x_mitre'));
  assert.ok(!isTypeName('x--y'));
  assert.ok(!isTypeName('1abc'));
  assert.ok(isDictionaryKey('SHA-256'));
  assert.ok(!isDictionaryKey('a b'));
});

test('encodings: hex, base64, language tags, MAC-48', () => {
  assert.ok(isHexString('00ff'));
  assert.ok(!isHexString('0ff'));
  assert.ok(!isHexString('00FF'));
  assert.ok(isBase64('aGVsbG8='));
  assert.ok(!isBase64('aGVsbG8'));
  assert.ok(!isBase64('aG=sbG8='));
  for (const tag of ['en', 'de-CH', 'zh-Hant-TW', 'x-klingon']) assert.ok(isLanguageTag(tag), tag);
  for (const tag of ['', 'en_US', 'englishlanguage', '-en']) assert.ok(!isLanguageTag(tag), tag);
  assert.ok(isMac48('d2:fb:49:24:37:18'));
  assert.ok(!isMac48('d2:fb:49:24:37:1'));
});
