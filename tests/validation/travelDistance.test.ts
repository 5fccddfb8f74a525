// Mean travel distance of one worker in a square grid: roaming, and returning to the centre.
import { describeValidationSuite } from "./describeValidationSuite.js";

describeValidationSuite("travelDistance");
