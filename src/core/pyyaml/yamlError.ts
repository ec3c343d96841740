// Where PyYAML raises (ReaderError, ScannerError, ParserError, ComposerError, ConstructorError),
// the reader throws this with the offset of PyYAML's problem mark; loadYaml11 turns it into an
// InputError with the file, line and column.
export class YamlError extends Error {
  constructor(
    readonly problem: string,
    readonly offset: number,
    /** PyYAML's context ("while scanning a simple key") and where that context started. */
    readonly context?: string,
    readonly contextOffset?: number,
    /** false: the YAML is well-formed but its values cannot be constructed (ConstructorError). */
    readonly syntax = true,
  ) {
    super(context ? `${problem} (${context})` : problem);
    this.name = 'YamlError';
  }
}
