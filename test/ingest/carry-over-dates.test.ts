import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carryOverDates } from '../../src/ingest/carry-over-dates.ts';

const OLD = '2026-01-01T00:00:00.000Z';
const NEW = '2026-06-01T00:00:00.000Z';
const indicator = (date: string, pattern = "[domain-name:value = 'x.example']") => ({
  type: 'indicator',
  id: 'indicator--00000000-0000-5000-8000-000000000000',
  created: date,
  modified: date,
  pattern,
  valid_from: date,
  external_references: [{ source_name: 'maltrail', url: 'https://example.org/list' }],
});

test('an object not stored yet keeps its converted dates', () => {
  assert.deepEqual(carryOverDates(indicator(NEW), null), indicator(NEW));
});

test('an unchanged object takes the stored dates, so it imports as a duplicate', () => {
  assert.deepEqual(carryOverDates(indicator(NEW), indicator(OLD)), indicator(OLD));
});

test('a changed object keeps created and valid_from and is modified at the new date', () => {
  const next = carryOverDates(indicator(NEW, "[domain-name:value = 'y.example']"), indicator(OLD));
  assert.equal(next.created, OLD);
  assert.equal(next.valid_from, OLD);
  assert.equal(next.modified, NEW);
  assert.equal(next.pattern, "[domain-name:value = 'y.example']");
});

test('a changed object dated before the stored version still gets a newer modified', () => {
  const next = carryOverDates(indicator(OLD, "[domain-name:value = 'y.example']"), indicator(NEW));
  assert.equal(next.modified, '2026-06-01T00:00:00.001Z');
});

test('a change inside a nested property counts as a change', () => {
  const changed = { ...indicator(NEW), external_references: [{ source_name: 'maltrail', url: 'https://example.org/other' }] };
  assert.equal(carryOverDates(changed, indicator(OLD)).modified, NEW);
});

test('an object without dates (an SCO) is left alone', () => {
  const wallet = { type: 'cryptocurrency-wallet', id: 'cryptocurrency-wallet--1', value: 'a' };
  assert.deepEqual(carryOverDates(wallet, wallet), wallet);
});
