/** A mistake in the command line: printed as `dunmark: <message>`, exit 2. */
export class UsageError extends Error {}
