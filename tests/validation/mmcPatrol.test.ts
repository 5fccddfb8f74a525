// The M/M/c patrol case (10 workers, 8 incidents/h, 60 min handling): Erlang C and Little's law.
import { describeValidationSuite } from "./describeValidationSuite.js";

describeValidationSuite("mmcPatrol");
