import { describe, expect, it } from 'vitest';
import { kindOfContainerImage } from '../../src/core/boundaries';

describe('kindOfContainerImage', () => {
  it.each([
    ['postgres:16-alpine', 'database'],
    ['docker.io/library/postgres:16', 'database'],
    ['postgis/postgis:16-3.4', 'database'],
    ['bitnami/postgresql', 'database'],
    ['mcr.microsoft.com/mssql/server:2022-latest', 'database'],
    ['mongo@sha256:0123abcd', 'database'],
    ['localhost:5000/redis:7', 'cache'],
    ['redis/redis-stack-server:latest', 'cache'],
    ['confluentinc/cp-kafka:7.6.0', 'queue'],
    ['rabbitmq:3-management', 'queue'],
    ['minio/minio', 'storage'],
    ['localstack/localstack:3', 'storage'],
    ['axllent/mailpit', 'email'],
    ['wiremock/wiremock:3.5.2', 'http'],
  ])('%s runs a %s', (image, kind) => {
    expect(kindOfContainerImage(image)).toBe(kind);
  });

  it.each(['alpine:3.19', 'node:20', 'mongo-express', 'nginx', 'my-company/app:latest', ''])('%s is not a known system', (image) => {
    expect(kindOfContainerImage(image)).toBeNull();
  });
});
