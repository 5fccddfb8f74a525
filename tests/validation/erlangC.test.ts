// Queue waits of M/M/c queues (c = 1, 2, 5) against Erlang C.
import { describeValidationSuite } from "./describeValidationSuite.js";

describeValidationSuite("erlangC");
