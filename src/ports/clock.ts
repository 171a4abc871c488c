/** The time, passed in: production reads the system clock, local mode starts at APP_NOW, tests fix it. */
export interface Clock {
  now(): Date;
}
