// Terminal cluster entry point (the core work fills this in).
export {};
