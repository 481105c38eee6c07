import preferSharedInfrastructure from './prefer-shared-infrastructure';
import requireCleanup from './require-cleanup';

/** Every rule of the plugin, by name. The configs and the README table are built from this list. */
export const rules = {
  'prefer-shared-infrastructure': preferSharedInfrastructure,
  'require-cleanup': requireCleanup,
};
