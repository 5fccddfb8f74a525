// Queue waits of single-worker queues with non-exponential handling against Pollaczek–Khinchine; Little's law for gamma handling.
import { describeValidationSuite } from "./describeValidationSuite.js";

describeValidationSuite("pollaczekKhinchine");
