#!/usr/bin/env node
'use strict';
const { main } = require('../dist/cli/main.js');

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`eslint-plugin-integration-tests: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
