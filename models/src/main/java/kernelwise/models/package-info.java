package kernelwise.models;
