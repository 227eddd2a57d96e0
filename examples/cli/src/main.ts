import { runCli } from './run-cli.js';

// `attune progress | head` closes the pipe early; that ends the program, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

runCli({
  args: process.argv.slice(2),
  env: process.env,
  input: process.stdin,
  output: process.stdout,
  errorOutput: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('The program stopped on an unexpected error:', error);
    process.exitCode = 1;
  },
);
