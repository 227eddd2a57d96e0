// The floor of `pnpm bench:web`: the smallest Vite + React + i18next app, built and served like the
// example app. One i18next instance with its English words bundled, one heading.
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import en from './en.json';
import './styles.css';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en } } });

function App() {
  return <h1 id="hello-title">{i18n.t('hello')}</h1>;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs an element with id "root".');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
