/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A new value per build (vite.config.ts): the persisted query cache of an older build is dropped. */
  readonly VITE_BUILD_ID?: string;
}
