// fauxqs (S3, SQS) bound to 127.0.0.1 only: its own CLI listens on every interface.
import { buildApp } from "../../node_modules/fauxqs/dist/app.js";
import { SqsStore } from "../../node_modules/fauxqs/dist/sqs/sqsStore.js";
import { SnsStore } from "../../node_modules/fauxqs/dist/sns/snsStore.js";
import { S3Store } from "../../node_modules/fauxqs/dist/s3/s3Store.js";

const port = Number.parseInt(process.env.FAUXQS_PORT ?? "4566", 10);
const app = buildApp({
  logger: false,
  stores: { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() },
});
await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening on http://127.0.0.1:${port}`);
