using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Algorithms;
using Spectre.Console;

namespace FaceEval.Cli.Commands;

internal static class AlgorithmsCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "show only this algorithm", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("algorithms", "List the algorithms and, for each, the parameters --set accepts: range, default, units and comparison.") { name };
        command.SetAction(parse =>
        {
            var kinds = parse.GetValue(name) is { } n ? [AlgorithmNames.Parse(n)] : AlgorithmCatalog.All;
            foreach (var kind in kinds)
            {
                var table = new Table().Title(AlgorithmNames.Name(kind)).AddColumns("parameter", "default", "valid", "meaning");
                foreach (var spec in AlgorithmCatalog.Get(kind).Parameters)
                {
                    table.AddRow(Markup.Escape(spec.Name), Markup.Escape(spec.Default), Markup.Escape(spec.Range), Markup.Escape(spec.Description));
                }

                Terminal.Out.Write(table);
            }

            return 0;
        });
        return command;
    }
}
