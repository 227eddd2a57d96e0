import { ConfigError, readConfig, usage } from './config/read-config.js';
import { createSyncServer } from './server/create-sync-server.js';
import { openRelayStore } from './storage/open-relay-store.js';

/** Starts the relay with the configuration of this process, and stops it cleanly on a signal. */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  if (config === 'help') {
    console.log(usage);
    return;
  }
  const { store, location } = await openRelayStore(config.storage);
  const server = createSyncServer({ store, maxBodyBytes: config.maxBodyBytes });
  const url = await server.listen(config.port, config.host);
  console.log(`Attune sync server listening at ${url}, storing in ${location}`);

  const stop = async () => {
    await server.close();
    await store.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('The server did not stop cleanly:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof ConfigError) console.error(error.message);
  else if (code === 'EADDRINUSE') {
    const { port } = error as unknown as { port: number };
    console.error(
      `The sync server could not start: port ${port} is taken, perhaps by a sync server still running. Stop it, or choose another port with --port (PORT).`,
    );
  } else console.error('The sync server could not start:', error);
  process.exitCode = 1;
});
