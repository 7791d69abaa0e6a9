// The package's name, version and repository, read from package.json at build time.
import pkg from '../../package.json';

/** The version printed by `--version` and written into SARIF. */
export const VERSION: string = pkg.version;

const repository = String(pkg.repository?.url ?? '')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/**
 * Where the rule docs are published (the repository's docs/rules folder), or undefined while the
 * repository URL is a placeholder on a reserved `.invalid` host: SARIF then carries the docs inline only.
 */
export const DOCS_BASE: string | undefined = /^https?:\/\/[^/]+(?<!\.invalid)\//.test(`${repository}/`) ? `${repository}/blob/main/docs/rules/` : undefined;
