export type {
  JsonlFileAdapterOptions,
  JsonlFileHandle,
  JsonlFileSystem,
} from '../storage/jsonl-file-adapter.js';
export { createJsonlFileAdapter } from '../storage/jsonl-file-adapter.js';
