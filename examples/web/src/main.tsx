import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { registerServiceWorker } from './offline/register-service-worker.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs an element with id "root" to mount the app in.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
