import type { BuildOptions } from 'esbuild';

export declare const electronMainOptions: BuildOptions;
export declare const electronPreloadOptions: BuildOptions;
export declare const cliOptions: BuildOptions & { outdir: string; metafile: true };
export declare function computeWorkerOptions(outfile: string): BuildOptions;
