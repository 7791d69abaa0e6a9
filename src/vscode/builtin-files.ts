/**
 * Where the extension's built-in templates are kept once read: the extension builds put this module in
 * place of the core's builtin.generated.ts (esbuild.config.mjs), and builtin-templates.ts fills it
 * from the extension's `templates/` folder on first use. The CLI and the library keep the generated module.
 */
export const BUILTIN_TEMPLATE_FILES: Record<string, string>[] = [];
