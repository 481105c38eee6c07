import noBoundaryMock from './no-boundary-mock';
import noInfrastructureInUnitTests from './no-infrastructure-in-unit-tests';
import noRealNetwork from './no-real-network';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'no-boundary-mock': noBoundaryMock,
  'no-infrastructure-in-unit-tests': noInfrastructureInUnitTests,
  'no-real-network': noRealNetwork,
};
