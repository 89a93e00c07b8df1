/** Builds the CLI bundle into `outdir` (relative to `root`, default dist-cli); resolves to the source files it was built from. */
export declare function buildCli(root: string, outdir?: string): Promise<string[]>;
