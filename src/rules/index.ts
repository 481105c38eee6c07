import noSharedTestData from './no-shared-test-data';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'no-shared-test-data': noSharedTestData,
};
