// original-kit.md Appendix C: YAML → normalized JSON vectors observed with PyYAML 6.0.3. The
// expected strings are the specification's; the differential test also runs them through PyYAML.
export const APPENDIX_C: [yaml: string, json: string | Error][] = [
  ['[true, Yes, on, OFF]', '[true,true,true,false]'],
  ['[y, n, tRUE, nULL]', '["y","n","tRUE","nULL"]'],
  ['a: ~\nb:\nc: Null', '{"a":null,"b":null,"c":null}'],
  ['[1, +1, -0, 1_000]', '[1,1,0,1000]'],
  ['[0755, 017, 09, 0o17]', '[493,15,"09","0o17"]'],
  ['[0x1F, 0b101, 1:30, 1:30:00]', '[31,5,90,5400]'],
  ['[1.0, 5., .5, -0.0]', '[1.0,5.0,0.5,-0.0]'],
  ['[1.0e-6, 1.0e+6, 10000000000000000.0, 0.00001]', '[1e-06,1000000.0,1e+16,1e-05]'],
  ['[1e-6, 1.0e6, 1e+3, 0.1e1]', '["1e-6","1.0e6","1e+3","0.1e1"]'],
  ['[.inf, -.inf, .nan]', '[Infinity,-Infinity,NaN]'],
  ['190:20:30.15', '685230.15'],
  ['d: 2025-08-21', new Error('date')],
  ['d: 2025-08-21T10:00:00Z', new Error('datetime')],
  ['"Київ"', '"\\u041a\\u0438\\u0457\\u0432"'],
  ["{b: 1, a: 2, B: 3, _: 4, 'ä': 5}", '{"B":3,"_":4,"a":2,"b":1,"\\u00e4":5}'],
  ['{1: a, b: c}', new Error('mixed key types')],
  ['x: &x {k: 1}\nb: {<<: *x, j: 2}', '{"b":{"j":2,"k":1},"x":{"k":1}}'],
  ['a: 1\na: 2', '{"a":2}'],
  ['[1.5, 2, 1.0e+22, 1.0e-7, 0.30000000000000004]', '[1.5,2,1e+22,1e-07,0.30000000000000004]'],
  ['', 'null'],
  ['0x_1F', '31'],
  ['-1_000', '-1000'],
  ['[1_000.5, 6.8523015e+5, .Inf, .NaN]', '[1000.5,685230.15,Infinity,NaN]'],
  ['123456789012345678901234567890', '123456789012345678901234567890'],
  ['"😀"', '"\\ud83d\\ude00"'],
  ['{"\\U0001F600": 1, "\\uFFFF": 2}', '{"\\uffff":2,"\\ud83d\\ude00":1}'],
  ['{10: a, 9: b, 1.5: c, true: d}', '{"true":"d","1.5":"c","9":"b","10":"a"}'],
  ['a: 1\r\nb: [1.0, "x"]\r\n', '{"a":1,"b":[1.0,"x"]}'],
];

export const APPENDIX_C_DOCUMENTS = APPENDIX_C.map(([y]) => y);
