import noBoundaryMock from './no-boundary-mock';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'no-boundary-mock': noBoundaryMock,
};
