/**
 * The module rules, checked on the compiled classes of every module: what may depend on what (issue
 * 20, "Structure").
 */
package io.facetrail.tests.modules;
