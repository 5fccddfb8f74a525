import "./form/scenarioForm.css";
import { startApp } from "./app/startApp.js";

startApp(document.getElementById("app")!);
