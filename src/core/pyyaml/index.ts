// The PyYAML-compatible reader and Python-json serializer: YAML read the way PyYAML 6 safe_load
// reads it, written the way json.dumps writes it. The lock and profile code import it from here;
// nothing in this module knows about locks or profiles.
export { decodeUtf8, MAX_PROFILE_BYTES, readUtf8 } from './decode';
export { parseExactJson } from './exactJson';
export { scalar, type JEntry, type JNode, type JScalar, type SourceRange } from './jsonValue';
export { hashProfileText, type ProfileHash } from './leanHash';
export { LineIndex } from './lineIndex';
export { legacyChecksum, normalizeProfile, serializeLocated, sha256Hex, type NormalizedProfile } from './normalize';
export { pythonFloatRepr } from './pyFloat';
export { COMPACT, INDENTED, PYTHON_DEFAULT, pythonJsonString, reindentCompact, serializePython, type JsonStyle } from './pyJson';
export { compareCodePoints } from './pyKeys';
export { constructImplicit, resolvePlain, type ImplicitTag } from './resolve11';
export { loadYaml11, type LoadedYaml } from './yaml11';
