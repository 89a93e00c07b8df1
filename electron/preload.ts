import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge.js';

// The preload entry only wires Electron's real objects; the bridge itself is tested with fakes.
exposeBridge(contextBridge, ipcRenderer);
