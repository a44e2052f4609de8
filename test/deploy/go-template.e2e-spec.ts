/** The chart renderer's own semantics, pinned to what Go's text/template + Sprig (Helm) do. */
import { ChartTemplates, mergeValues, TemplateError } from './go-template';

function render(source: string, data: unknown = {}, defines = ''): string {
  const t = new ChartTemplates();
  if (defines) t.add('_helpers.tpl', defines);
  t.add('t', source);
  return t.render('t', data);
}

describe('go-template renderer', () => {
  it('trims whitespace around {{- and -}}, drops comments', () => {
    expect(render('a  \n  {{- "b" -}}  \n  c')).toBe('abc');
    expect(render('a {{/* note */}} b')).toBe('a  b');
    expect(render('a\n{{- /* note */ -}}\nb')).toBe('ab');
    expect(render('{{ 3 -}} x {{- -3 }}')).toBe('3x-3');
  });

  it('prints float64 values the Go way, ints plainly', () => {
    const data = { Values: { a: 20000, b: 1000000, c: 1.5, d: 1234567 } };
    expect(render('{{ .Values.a }} {{ .Values.b }} {{ .Values.c }} {{ .Values.d }}', data)).toBe('20000 1e+06 1.5 1.234567e+06');
    expect(render('{{ .Values.b | int }} {{ .Values.b | int | quote }} {{ .Values.b | quote }}', data)).toBe('1000000 "1000000" "1e+06"');
  });

  it('treats false, 0, "", nil, empty lists and maps as false', () => {
    const data = { v: { f: false, z: 0, s: '', n: null, l: [], m: {}, t: 'x' } };
    expect(render('{{ if .v.f }}1{{ else if .v.z }}2{{ else if .v.s }}3{{ else if .v.n }}4{{ else if .v.l }}5{{ else if .v.m }}6{{ else }}7{{ end }}', data)).toBe('7');
    expect(render('{{ if .v.t }}yes{{ end }}', data)).toBe('yes');
    expect(render('{{ and .v.t .v.z }}|{{ or .v.z .v.t }}|{{ not .v.l }}', data)).toBe('0|x|true');
  });

  it('refuses to compare an int with a float64, as Go does', () => {
    expect(() => render('{{ gt .n 0 }}', { n: 3 })).toThrow(TemplateError);
    expect(render('{{ gt (int .n) 0 }} {{ eq .s "a" }} {{ ne .s "b" }}', { n: 3, s: 'a' })).toBe('true true true');
  });

  it('errors on a field of nil, but gives nothing for a missing key', () => {
    expect(() => render('{{ .a.b.c }}', { a: {} })).toThrow(/nil pointer/);
    expect(render('[{{ .a.b }}]', { a: {} })).toBe('[]');
  });

  it('required fails on nil and "", not on an empty list; fail fails', () => {
    expect(() => render('{{ required "need x" .x }}', {})).toThrow(/need x/);
    expect(() => render('{{ required "need x" .x }}', { x: '' })).toThrow(/need x/);
    expect(render('{{ required "need x" .x }}', { x: [] })).toBe('[]');
    expect(() => render('{{ fail "boom" }}')).toThrow(/boom/);
  });

  it('ranges over lists and maps (sorted keys), with variables, $ and else', () => {
    expect(render('{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}', { l: ['a', 'b'] })).toBe('0=a;1=b;');
    expect(render('{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', { m: { b: 2, a: 1 } })).toBe('a=1;b=2;');
    expect(render('{{ range .l }}{{ . }}{{ $.x }}{{ end }}', { l: ['a', 'b'], x: '!' })).toBe('a!b!');
    expect(render('{{ range .l }}x{{ else }}empty{{ end }}', { l: [] })).toBe('empty');
    expect(render('{{ with .m }}{{ .a }}{{ else }}none{{ end }}|{{ with .z }}{{ . }}{{ else }}none{{ end }}', { m: { a: 1 } })).toBe('1|none');
  });

  it('scopes variables to their block', () => {
    expect(render('{{ $x := "a" }}{{ if true }}{{ $x = "b" }}{{ $y := "c" }}{{ end }}{{ $x }}', {})).toBe('b');
    expect(() => render('{{ if true }}{{ $y := "c" }}{{ end }}{{ $y }}', {})).toThrow(/undefined variable/);
  });

  it('includes defines, pipes into nindent/toYaml, and knows the Sprig string functions it needs', () => {
    const helpers = '{{- define "labels" -}}\na: {{ .name }}\nb: x\n{{- end }}';
    expect(render('m:\n  {{- include "labels" . | nindent 2 }}', { name: 'n' }, helpers)).toBe('m:\n  a: n\n  b: x');
    expect(render('{{ toYaml .v | indent 2 }}', { v: { b: [1, 'two'], a: true } })).toBe('  a: true\n  b:\n    - 1\n    - two');
    expect(render('{{ printf "%s-%s" "a" "b" | trunc 3 | trimSuffix "-" }}')).toBe('a-b');
    expect(render('{{ "a+b" | replace "+" "_" }} {{ contains "x" "axb" }} {{ default "d" "" }} {{ default "d" "v" }}')).toBe('a_b true d v');
    expect(render('{{ .l | join "," }} {{ "s" | b64enc }} {{ .missing | quote }}|', { l: ['a', 'b'] })).toBe('a,b cw== |');
    expect(render('{{ "" | sha256sum }}')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('calls methods of the data with their arguments, as Helm\'s .Files.Get', () => {
    const Files = { Get: (path: unknown) => `{"from": "${String(path)}"}` };
    expect(render('{{ .Files.Get "d.json" | nindent 2 }}', { Files })).toBe('\n  {"from": "d.json"}');
    expect(() => render('{{ .a "x" }}', { a: 'not a method' })).toThrow(/non-function/);
  });

  it('refuses what it does not implement', () => {
    expect(() => render('{{ lookup "v1" "Secret" "ns" "x" }}')).toThrow(/not in this renderer's subset/);
    expect(() => render('{{ if true }}x')).toThrow(/without end/);
  });

  it('merges values like helm: maps key by key, lists replaced', () => {
    expect(mergeValues({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 1 });
  });
});
