// The indexed engine against the plain matcher (matchPattern) on generated patterns and events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchPattern, validatePattern } from '../../src/pattern/index.ts';
import { DetectionEngine } from '../../src/detect/engine.ts';
import { asObservedData, compoundPattern, eventStream, indicatorFor, observation } from './generated.ts';

const valid = (p: string): boolean => validatePattern(p).every((d) => d.severity !== 'error');

test('indexed engine reports for each event exactly the single-observation patterns matchPattern matches', () => {
  fc.assert(fc.property(fc.array(observation, { minLength: 1, maxLength: 25 }), eventStream, (patterns, events) => {
    const usable = patterns.filter(valid);
    fc.pre(usable.length > 0);
    const indicators = usable.map(indicatorFor);
    const engine = new DetectionEngine();
    engine.load(indicators);
    events.forEach((event, i) => {
      const got = engine.process(event).map((d) => d.indicator.id).sort();
      const want = indicators.filter((ind) => matchPattern(ind.pattern as string, [asObservedData(event, i)]).matched).map((ind) => ind.id as string).sort();
      assert.deepEqual(got, want, `event ${i}: ${JSON.stringify(event.objects)}`);
    });
  }), { numRuns: 400 });
});

test('indexed engine detects a multi-observation pattern in a stream exactly when matchPattern matches the whole stream', () => {
  fc.assert(fc.property(fc.array(compoundPattern, { minLength: 1, maxLength: 6 }), eventStream, (patterns, events) => {
    const usable = patterns.filter(valid);
    fc.pre(usable.length > 0);
    const indicators = usable.map(indicatorFor);
    const engine = new DetectionEngine();
    engine.load(indicators);
    const detected = new Set<string>();
    for (const e of events) for (const d of engine.process(e)) detected.add(d.indicator.id);
    const observed = events.map(asObservedData);
    for (const ind of indicators) {
      const want = matchPattern(ind.pattern as string, observed).matched;
      assert.equal(detected.has(ind.id as string), want, `${ind.pattern as string}`);
    }
  }), { numRuns: 300 });
});

test('every event a multi-observation detection names satisfies the pattern together', () => {
  fc.assert(fc.property(compoundPattern, eventStream, (pattern, events) => {
    fc.pre(valid(pattern));
    const engine = new DetectionEngine();
    engine.load([indicatorFor(pattern)]);
    for (const e of events) {
      for (const d of engine.process(e)) {
        assert.ok(d.events.includes(e));
        const ids = d.events.map((x) => events.indexOf(x));
        assert.ok(matchPattern(pattern, ids.map((k) => asObservedData(events[k]!, k))).matched);
      }
    }
  }), { numRuns: 200 });
});
