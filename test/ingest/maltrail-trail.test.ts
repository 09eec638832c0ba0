import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrail, TrailFormatError } from '../../src/ingest/maltrail-trail.ts';

const CASES: [string, string, string][] = [
  ['exbonus.mrbasic.com', 'domain', "[domain-name:value = 'exbonus.mrbasic.com']"],
  ['185.142.236.226', 'ipv4', "[ipv4-addr:value = '185.142.236.226']"],
  ['10.1.0.0/16', 'ipv4-cidr', "[ipv4-addr:value = '10.1.0.0/16']"],
  [
    '193.151.108.203:1133',
    'ipv4-port',
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '193.151.108.203' AND network-traffic:dst_port = 1133]",
  ],
  [
    'c2.example.com:8443',
    'domain-port',
    "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'c2.example.com' AND network-traffic:dst_port = 8443]",
  ],
  ['http://37.238.135.70/img/anan.jpg', 'url', "[url:value = 'http://37.238.135.70/img/anan.jpg']"],
  ['apshenyihl.com/include/arc.speclist.class.php', 'url', "[url:value = 'http://apshenyihl.com/include/arc.speclist.class.php']"],
  ['theorigin.co.kr:443/admin/index.php', 'url', "[url:value = 'http://theorigin.co.kr:443/admin/index.php']"],
  ['/tbl_add.php', 'url-path', "[url:value MATCHES '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+.*/tbl_add\\\\.php']"],
  ['evil[.]example', 'domain', "[domain-name:value = 'evil.example']"],
];

for (const [line, kind, pattern] of CASES) {
  test(`parseTrail reads ${line} as ${kind}`, () => {
    const trail = parseTrail(line);
    assert.equal(trail.kind, kind);
    assert.equal(trail.pattern, pattern);
  });
}

test('parseTrail trims trailing whitespace from the value', () => {
  assert.equal(parseTrail('ap8898.com/include/arc.search.class.php    ').value, 'ap8898.com/include/arc.search.class.php');
});

test('parseTrail escapes a quote in a URL trail', () => {
  assert.equal(parseTrail("http://x.example/it's").pattern, "[url:value = 'http://x.example/it\\'s']");
});

const MALFORMED: [string, RegExp][] = [
  ['300.1.2.3', /octet above 255/],
  ['1.2.3.4:70000', /port/],
  ['1.2.3.4/40', /CIDR/],
  ['not a trail', /whitespace/],
  ['-bad-.example!', /not a domain name/],
  ['localhost', /not a domain name/],
];

for (const [line, reason] of MALFORMED) {
  test(`parseTrail rejects ${JSON.stringify(line)}`, () => {
    assert.throws(() => parseTrail(line), (err: unknown) => err instanceof TrailFormatError && reason.test(err.reason));
  });
}
