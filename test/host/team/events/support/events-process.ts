/**
 * One stand-in `team serve` process for the cross-process test (AC-5): opens its own pool and
 * event feed on the database URL and channel it is given, prints every event it receives as one
 * JSON line on stdout, and obeys one command per stdin line: `publish <event JSON>` or `close`.
 * Prints `{"ready":true}` once it listens.
 */
import { createInterface } from 'node:readline';
import { openPgDatabase } from '../../../../../host/db/pg/pg-database.js';
import { createPgEvents } from '../../../../../host/team/events/pg-events.js';

const [url, channel] = process.argv.slice(2);
if (!url || !channel) {
  process.stderr.write('usage: events-process.ts DATABASE_URL CHANNEL\n');
  process.exit(2);
}
const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);

const db = openPgDatabase(url, { max: 2 });
const events = await createPgEvents(db, { channel, onError: (error, context) => process.stderr.write(`${context}: ${String(error)}\n`) });
events.subscribe((event) => say({ received: event, receivedAt: Date.now(), pid: process.pid }));
say({ ready: true, pid: process.pid });

for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('publish ')) {
    await events.publish(JSON.parse(line.slice('publish '.length))).then(
      () => say({ published: true }),
      (error: Error) => say({ failed: error.message }),
    );
  } else if (line === 'close') {
    break;
  }
}
await events.close();
await db.close();
