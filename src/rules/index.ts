import noEndpointCalls from './no-endpoint-calls';
import oneBoundaryPerFile from './one-boundary-per-file';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'no-endpoint-calls': noEndpointCalls,
  'one-boundary-per-file': oneBoundaryPerFile,
};
