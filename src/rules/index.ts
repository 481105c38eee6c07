import noBoundaryMock from './no-boundary-mock';
import noEndpointCalls from './no-endpoint-calls';
import noInfrastructureInUnitTests from './no-infrastructure-in-unit-tests';
import noRealNetwork from './no-real-network';
import noSharedTestData from './no-shared-test-data';
import oneBoundaryPerFile from './one-boundary-per-file';
import preferSharedInfrastructure from './prefer-shared-infrastructure';
import requireCleanup from './require-cleanup';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'no-boundary-mock': noBoundaryMock,
  'no-endpoint-calls': noEndpointCalls,
  'no-infrastructure-in-unit-tests': noInfrastructureInUnitTests,
  'no-real-network': noRealNetwork,
  'no-shared-test-data': noSharedTestData,
  'one-boundary-per-file': oneBoundaryPerFile,
  'prefer-shared-infrastructure': preferSharedInfrastructure,
  'require-cleanup': requireCleanup,
};
