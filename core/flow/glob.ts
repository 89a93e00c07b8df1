/** A path glob (`src/auth/**`, `*.ts`, `lib/?.js`) as a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  const g = glob.replace(/^\.\//, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      // `**/` matches any number of folders, including none; a trailing `**` matches everything below.
      if (g[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A folder name matches everything under it, as in .gitignore.
  return new RegExp(`^${out}(?:/.*)?$`);
}

/** The ids a commit message may name a spec by, matched as whole words, case-insensitively. */
export function mentionsSpec(message: string, ids: string[]): boolean {
  return ids.some((id) => id.trim() !== '' && new RegExp(`(^|[^A-Za-z0-9_-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'i').test(message));
}
