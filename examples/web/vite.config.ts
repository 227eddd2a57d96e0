import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Resolve the workspace packages to their TypeScript sources, so the app runs with no build step.
  resolve: { conditions: ['@attune/source', 'module', 'browser', 'development|production'] },
  server: { port: 5173, strictPort: true },
});
