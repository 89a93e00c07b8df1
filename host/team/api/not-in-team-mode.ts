import { HostError } from '../../common/host-error.js';

/** For an argument that names a path on the server (export to a folder…): the team server never touches its own files. */
export function refusePath(operation: string, path: string | undefined): void {
  if (path !== undefined) {
    throw new HostError('NOT_IN_TEAM_MODE', `${operation} cannot write to a path on the team server; call it without "path" and download the content instead`);
  }
}
