// The package's name, version and repository, read from package.json at build time.
import pkg from '../../package.json';

/** The version printed by `--version` and written into SARIF. */
export const VERSION: string = pkg.version;

/** Where the rule docs are published: the repository's docs/rules folder. */
export const DOCS_BASE: string = `${String(pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/docs/rules/`;
