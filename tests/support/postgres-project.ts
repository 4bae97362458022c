/** setupFiles of jest's `postgres` project: the corrections tests there keep their store in PostgreSQL. */
process.env.TEST_CORRECTIONS_DIALECT = 'postgres';
