import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startBoot } from './app.js';
import { registerServiceWorker } from './offline/register-service-worker.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs an element with id "root" to mount the app in.');
// The first render waits for the start, for a moment: a quick start then paints the first screen
// at once, with no "Loading…" (and no second render and layout) before it.
const SHOW_LOADING_AFTER_MS = 200;
Promise.race([
  startBoot(),
  new Promise((resolve) => setTimeout(resolve, SHOW_LOADING_AFTER_MS)),
]).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
registerServiceWorker();
