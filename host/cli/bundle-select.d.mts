export declare function freshBundle(root: string, bundleDir?: string): string | null;
