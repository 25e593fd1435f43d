package org.iprharbor.bench.driver;

/**
 * How one request ended, as seen by the driver.
 */
public enum Outcome {
    OK,
    ERROR
}
